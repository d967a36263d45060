symbols = "yes"
reset   = true
