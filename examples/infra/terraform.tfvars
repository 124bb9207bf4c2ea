office_cidrs = [
  "203.0.113.128/25",
]
