import Synchronization
import YAMLTree

/// What checking one file needs besides its bytes and the pack: the tree's arrays, the
/// field tables, the origin table's arrays and the evaluator's. They are lent from one file
/// (and plan) to the next rather than made and freed for each: their memory is found warm,
/// and a plan costs no allocations for them once they have grown to its size.
///
/// Used by one check at a time: a ``CheckScratchPool`` lends each to one taker.
final class CheckScratch: @unchecked Sendable {
    /// Above this many nodes of room in the field tables, a scratch is not kept after its
    /// check: the memory a very large plan needed goes back to the system rather than stay
    /// with the checker.
    static let largestKept = 1 << 16
    /// Above this many bytes in the tree's arrays, likewise.
    static let largestTreeKept = 4 << 20

    var tree = TreeStorage()
    let fields = FieldTables()
    var origins = OriginTable.Storage()
    var evaluator = EvaluatorStorage()
    /// The checker's quick rules, once compiled, and the frame they run in.
    var quick: (program: QuickRuleProgram, frame: QuickRuleFrame)?

    /// The quick rules and their frame, set up for the next plan (of `nodeCount` nodes):
    /// kept here once the checker's `cache` has compiled them, so that a plan takes no lock
    /// for them.
    func quickRules(from cache: QuickRuleCache, pack: RulePack, nodeCount: Int) -> (program: QuickRuleProgram, frame: QuickRuleFrame)? {
        if quick == nil, let program = cache.program(for: pack, large: nodeCount >= QuickRuleCache.largePlanNodes) {
            quick = (program, QuickRuleFrame(program: program, fields: fields))
        }
        quick?.frame.begin()
        return quick
    }
}

/// Scratches for the checks in progress: a check takes one and gives it back when done, so
/// a checker used by several threads at once keeps about one per thread.
final class CheckScratchPool: Sendable {
    private let spare = Mutex<[CheckScratch]>([])

    /// A scratch no other check is using.
    func take() -> CheckScratch {
        spare.withLock { $0.popLast() } ?? CheckScratch()
    }

    /// Gives back a scratch taken with ``take()``, which its taker no longer uses.
    func giveBack(_ scratch: CheckScratch) {
        guard scratch.fields.room <= CheckScratch.largestKept, scratch.tree.memory <= CheckScratch.largestTreeKept else {
            return
        }
        spare.withLock { spare in
            // More than there can be threads checking at once is never needed.
            if spare.count < 64 { spare.append(scratch) }
        }
    }
}
