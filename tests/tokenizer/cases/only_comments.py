

# only a comment
