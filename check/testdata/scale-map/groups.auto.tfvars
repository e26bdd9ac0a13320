groups = {
  g0 = { subnet = 0 }
  g1 = { subnet = 1 }
  g2 = { subnet = 2 }
}
