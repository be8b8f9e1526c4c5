# This file is written in coding: latin-1, sort of
é = 'à'
