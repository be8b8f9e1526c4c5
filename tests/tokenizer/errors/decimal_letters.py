12abc
