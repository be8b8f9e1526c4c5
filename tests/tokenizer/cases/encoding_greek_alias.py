# -*- coding: greek -*-
αβγ = 'Ωμέγα'
