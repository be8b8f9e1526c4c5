try:
  pass
except E as __e:
  pass
class C:
  try: pass
  except E as __e: pass
