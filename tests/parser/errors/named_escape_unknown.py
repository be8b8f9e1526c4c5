x = "\N{bogus name}"
