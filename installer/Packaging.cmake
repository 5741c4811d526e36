# packaging (filled in below)
