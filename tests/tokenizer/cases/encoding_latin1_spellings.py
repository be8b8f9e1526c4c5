# coding: ISO_8859-1
é = 1
