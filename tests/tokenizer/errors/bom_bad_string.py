x = "abÿ" + y
