#!/usr/bin/env python3
"""Generate a deterministic corpus of realistic LIPF plans for benchmarks and reports.

usage: generate-corpus.py OUT_DIR [--plans N] [--seed S] [--defects SHARE] [--items K]

Plans vary in size (a few to many budget items and milestones); a share of them carries
one typical defect each (a typo in a place id, a quoted amount, an early start, a missing
university, totals that do not add up, ...). The same arguments always give the same files.
"""
import argparse
import os
import random

FUNDED = {
    "greater-manchester": ["artificial-intelligence", "advanced-materials", "life-sciences", "health-diagnostics"],
    "west-midlands": ["artificial-intelligence", "future-mobility", "advanced-manufacturing", "health-diagnostics", "net-zero"],
    "glasgow-city-region": ["medical-technology", "life-sciences", "health-diagnostics", "space", "advanced-manufacturing"],
    "south-yorkshire": ["advanced-manufacturing", "advanced-materials"],
    "west-yorkshire": ["health-technology", "digital-technologies"],
    "liverpool-city-region": ["life-sciences", "drug-discovery"],
    "north-east": ["clean-energy", "advanced-manufacturing", "digital-technologies"],
    "greater-london": ["artificial-intelligence", "life-sciences", "financial-services", "creative-industries"],
    "cardiff-capital-region": ["electric-vehicles", "compound-semiconductors", "digital-technologies", "future-mobility"],
    "belfast-derry-londonderry-corridor": ["cybersecurity", "defence"],
}
UNFUNDED = ["east-midlands", "east-of-england", "south-east", "south-west", "tees-valley", "lancashire", "cumbria"]
CATEGORIES = ["staff", "equipment", "facilities", "travel", "subcontract", "overheads", "other"]
WORDS = ["data", "sensor", "platform", "clinic", "factory", "network", "pilot", "hydrogen", "battery", "robotics",
         "materials", "imaging", "harbour", "grid", "vaccine", "transit", "skills", "testbed", "digital", "twin"]
DEFECTS = ["region-typo", "quoted-amount", "early-start", "no-university", "items-off", "profile-off", "unknown-key",
           "bad-date", "negative", "duplicate-key", "missing-title", "competition-funded"]


def money(n):
    return f"{n:_}"


def plan(rng, index, defect, items_override):
    funded = rng.random() < 0.85
    region = rng.choice(list(FUNDED)) if funded else rng.choice(UNFUNDED)
    sectors = [rng.choice(FUNDED[region])] if funded else ["digital-technologies"]
    requested = rng.randrange(5, 200) * 50_000
    match = requested + rng.randrange(0, 100) * 10_000
    total = requested + match
    n_items = items_override or rng.choice([2, 3, 4, 6, 10, 25])
    amounts = [total // n_items] * n_items
    amounts[-1] += total - sum(amounts)
    years = ["2026-27", "2027-28", "2028-29"]
    profile = [requested // 3, requested // 3, requested - 2 * (requested // 3)]
    title = " ".join(rng.choice(WORDS) for _ in range(4)).capitalize()
    ref = f"LIPF-{index:06d}"
    start, end = "2026-06-01", "2029-03-31"
    partners = [("Example Partner Ltd", "business"), ("Example University", "university")]
    lines = []
    if defect == "region-typo":
        region_text = region[:-1]
    else:
        region_text = region
    if defect == "early-start":
        start = "2026-02-01"
    if defect == "bad-date":
        end = "2029-02-30"
    if defect == "no-university":
        partners = [("Example Partner Ltd", "business")]
    if defect == "items-off":
        amounts[0] += 1_000
    if defect == "profile-off":
        profile[0] += 5_000
    lines.append("# yaml-language-server: $schema=../schema/lipf-2026.schema.json")
    lines.append("fund: lipf-2026")
    lines.append("project:")
    lines.append(f"  reference: {ref}")
    if defect != "missing-title":
        lines.append(f"  title: {title}")
    lines.append("  summary: >-")
    lines.append("    " + " ".join(rng.choice(WORDS) for _ in range(30)))
    lines.append(f"  region: {region_text}")
    if not funded or defect == "competition-funded":
        lines.append("  route: competition")
    lines.append(f"  sectors: [{', '.join(sectors)}]")
    lines.append(("  start-date: " if defect == "unknown-key" else "  start_date: ") + start)
    lines.append(f"  end_date: {end}")
    lines.append("lead:")
    lines.append("  name: Example Combined Authority")
    lines.append("  type: combined-authority")
    lines.append(f"  location: {region}")
    lines.append("partners:")
    for name, kind in partners:
        lines.append(f"  - name: {name}")
        lines.append(f"    type: {kind}")
    lines.append("budget:")
    lines.append("  currency: GBP")
    if defect == "duplicate-key":
        lines.append("  currency: GBP")
    req_text = f'"{requested}"' if defect == "quoted-amount" else money(requested)
    lines.append(f"  requested: {req_text}")
    lines.append(f"  match_funding: {'-' if defect == 'negative' else ''}{money(match)}")
    lines.append(f"  total: {money(total)}")
    lines.append("  items:")
    for amount in amounts:
        lines.append(f"    - {{category: {rng.choice(CATEGORIES)}, description: {rng.choice(WORDS)} costs, amount: {money(amount)}}}")
    lines.append("  profile:")
    for year, amount in zip(years, profile):
        lines.append(f"    - {{year: {year}, amount: {money(amount)}}}")
    lines.append("outcomes:")
    lines.append(f"  jobs_created: {rng.randrange(1, 300)}")
    lines.append(f"  private_investment: {money(match * 2)}")
    lines.append("milestones:")
    for m in range(max(1, n_items // 3)):
        lines.append(f"  - {{name: milestone {m + 1}, due: 2027-{(m % 12) + 1:02d}-15}}")
    lines.append("contact:")
    lines.append(f"  email: bids{index}@example.org")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--defects", type=float, default=0.2)
    parser.add_argument("--items", type=int, default=0, help="budget items per plan (0: a mix)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    width = len(str(args.plans))
    for index in range(args.plans):
        defect = rng.choice(DEFECTS) if rng.random() < args.defects else None
        with open(os.path.join(args.out, f"plan-{index:0{width}d}.yaml"), "w") as f:
            f.write(plan(rng, index, defect, args.items))


if __name__ == "__main__":
    main()
