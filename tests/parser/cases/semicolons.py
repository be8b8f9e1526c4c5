if x: a; b;
if y:
    c;
