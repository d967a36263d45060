# State holds only deposed objects (a replacement's old objects whose destroy
# failed, after the current objects were destroyed). The configuration no
# longer has the resources: Terraform plans to delete the deposed objects.
# This deletes the account's last trail and alice's last signing certificate.
