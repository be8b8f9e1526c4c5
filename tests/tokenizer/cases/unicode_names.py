café = 1
π = 3.14159
变量 = "值"
naïve_ünïcode = café + π
ﬁle = 2
_x9 = 0
