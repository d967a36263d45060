# A key made in 2020 and still active (terraform.tfstate), its status now
# chosen at apply by an impure function (always "Active"): IG204 at its own
# severity, as written "Active" (round 109: info, exit 0).
resource "aws_iam_access_key" "old" {
  user    = "deployer"
  pgp_key = "keybase:x"
  status  = timestamp() == "" ? "Inactive" : "Active"
}
