a b
foo(
