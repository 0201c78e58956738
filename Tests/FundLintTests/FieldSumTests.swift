import Testing
import RulePacks
@testable import FundLint

/// `sum(list.map(x, x.field))` over a plan list is read straight from the field tables when
/// the plan passed its schema (``PlanView/sumOfField(_:position:of:)``), and item by item
/// otherwise. The two must agree: the built-in pack is checked against a copy of it whose
/// sums are written `x.field + 0`, which the evaluator always works out item by item.
@Suite struct FieldSumTests {
    static let sums = ["sum(budget.items.map(i, i.amount))", "sum(budget.profile.map(p, p.amount))"]

    static let packs: (fused: RulePack, itemByItem: RulePack)? = {
        guard let file = RulePacks.funds.first(where: { $0.name == "lipf-2026.yaml" }) else { return nil }
        var text = String(decoding: file.bytes, as: UTF8.self)
        for sum in sums {
            text = text.replacingOccurrences(of: sum, with: sum.replacingOccurrences(of: ".amount)", with: ".amount + 0)"))
        }
        guard case .success(let fused) = RulePack.load(file.bytes, path: file.name),
              case .success(let itemByItem) = RulePack.load(Array(text.utf8), path: file.name) else { return nil }
        return (fused, itemByItem)
    }()

    static var base: String { TestPacks.lipf.examplePlan ?? "" }

    /// Plans that pass their schema (the tables are read), plans that do not, and plans
    /// whose items come through aliases and merges (read item by item either way).
    static let plans: [String] = [
        base,
        base.replacingOccurrences(of: "amount: 2000000", with: "amount: 2_000_001"),
        base.replacingOccurrences(of: "amount: 900000\n", with: "amount: 800000\n"),
        base.replacingOccurrences(of: "amount: 1700000", with: "amount: \"1700000\""),
        base.replacingOccurrences(of: "amount: 1700000", with: "amount: 1,700,000"),
        base.replacingOccurrences(of: "  title:", with: "  titel:").replacingOccurrences(of: "amount: 2000000", with: "amount: 1"),
        base.replacingOccurrences(of: "    - category: equipment\n      amount: 1700000\n", with: ""),
        base.replacingOccurrences(of: "  profile:\n", with: "  old_profile:\n"),
        base.replacingOccurrences(of: "    - category: staff\n      amount: 2000000\n",
                                  with: "    - &staff\n      category: staff\n      amount: 2000000\n    - *staff\n"),
        base.replacingOccurrences(of: "    - category: staff\n      amount: 2000000\n",
                                  with: "    - &staff {category: staff, amount: 1000000}\n    - {<<: *staff, amount: 1000000}\n"),
        // Amounts past the 62 bits a field table's slot keeps, read again from their text.
        base.replacingOccurrences(of: "amount: 2000000", with: "amount: 3000000000000000000")
            .replacingOccurrences(of: "amount: 1700000", with: "amount: -3000000000000000000"),
        // Sums past the largest whole number a plan may write (which the schema refuses).
        base.replacingOccurrences(of: "amount: 2000000", with: "amount: 9223372036854775807")
            .replacingOccurrences(of: "amount: 1700000", with: "amount: 9223372036854775807"),
        base.replacingOccurrences(of: "amount: 2000000", with: "amount: 170141183460469231731687303715884105727"),
    ]

    @Test func theBasePlanHoldsWhatThePlansChange() throws {
        let packs = try #require(Self.packs)
        let file = try #require(RulePacks.funds.first { $0.name == "lipf-2026.yaml" })
        for sum in Self.sums {
            #expect(String(decoding: file.bytes, as: UTF8.self).contains(sum), "the pack no longer writes \(sum)")
        }
        // Each plan differs from the base, and the changes reach the sums' rules.
        #expect(Set(Self.plans).count == Self.plans.count)
        let rules = Self.plans.dropFirst().map { plan in
            Set(PlanChecker(pack: packs.fused).check(Array(plan.utf8), path: "plan.yaml").diagnostics.map(\.rule))
        }
        #expect(rules.contains { $0.contains("budget/total-matches-items") })
        #expect(rules.contains { $0.contains("budget/profile-matches-request") })
        #expect(rules.contains { $0.contains { $0.hasPrefix("schema/") } })
    }

    @Test(arguments: plans)
    func readingTheTablesGivesWhatReadingItemByItemGives(_ plan: String) throws {
        let packs = try #require(Self.packs)
        let fused = PlanChecker(pack: packs.fused).check(Array(plan.utf8), path: "plan.yaml")
        let itemByItem = PlanChecker(pack: packs.itemByItem).check(Array(plan.utf8), path: "plan.yaml")
        #expect(fused.diagnostics == itemByItem.diagnostics)
    }
}
