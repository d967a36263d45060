# Inspect an SSH public key before it is uploaded for CodeCommit.
locals {
  ssh_key = provider::iamguard::ssh_public_key_info(file("${path.module}/id_rsa.pub"))
}

resource "aws_iam_user_ssh_key" "alice" {
  username = "alice"
  # The comment-free OpenSSH form, whichever form the file holds; encoding
  # names that form.
  public_key = local.ssh_key.public_key
  encoding   = "SSH"

  lifecycle {
    precondition {
      condition     = length(local.ssh_key.findings) == 0
      error_message = join("\n", [for f in local.ssh_key.findings : "${f.rule_id} ${f.rule}: ${f.message}"])
    }
  }
}

output "ssh_key" {
  value = {
    algorithm   = local.ssh_key.algorithm
    bits        = local.ssh_key.bits
    fingerprint = local.ssh_key.sha256_fingerprint # SHA256:..., as ssh-keygen -l shows it
    iam_md5     = local.ssh_key.md5_fingerprint    # as IAM shows it
  }
}

# A baseline that asks for RSA keys of 3072 bits or more.
output "strict_findings" {
  value = provider::iamguard::ssh_public_key_info(file("${path.module}/id_rsa.pub"), { min_rsa_bits = 3072 }).findings
}
