sites = {
  s0 = { subnet = 0, offset = 10 }
  s1 = { subnet = 1, offset = 10 }
  s2 = { subnet = 2, offset = 10 }
}
