variable "who" {
  type = string
}

output "direct" {
  value     = "${var.who}-CANARY-direct"
  sensitive = true
}

output "input" {
  value     = "${var.who}-CANARY-input"
  sensitive = true
}

output "local" {
  value     = "${var.who}-CANARY-local"
  sensitive = true
}

output "ssh_users" {
  value     = { a = "${var.who}-CANARY-ssh-a", b = "${var.who}-CANARY-ssh-b" }
  sensitive = true
}

output "plain" {
  value = "${var.who}-PLAIN"
}

output "module_local" {
  value     = "${var.who}-CANARY-module-local"
  sensitive = true
}

output "excluded_source" {
  value     = "iam.amazonaws.com"
  sensitive = true
}

output "cycle" {
  value     = "${var.who}-CANARY-cycle"
  sensitive = true
}

output "labelled" {
  value     = "${var.who}-CANARY-labelled"
  sensitive = true
}
