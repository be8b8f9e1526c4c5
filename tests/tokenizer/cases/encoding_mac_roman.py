# coding: mac-roman
ƒ = 'π ≈ 3.14 • ∞'
z = ƒ
