module "prod_baseline" {
  source                  = "./modules/baseline"
  providers               = { aws = aws.prod }
  minimum_password_length = 16
  max_password_age        = 60
}
module "dev_baseline" {
  source                  = "./modules/baseline"
  providers               = { aws = aws.dev }
  minimum_password_length = 12
}
