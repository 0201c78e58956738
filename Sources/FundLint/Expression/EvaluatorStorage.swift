/// The arrays of an ``Evaluator``, kept between plans so that each plan's evaluator does
/// not allocate (and free) them anew. Kept arrays hold only their fillers (no value of a
/// plan), at the length the last evaluator used.
struct EvaluatorStorage {
    var locals: [Value] = []
    var ready: [Bool] = []
    var shared: [Value?] = []

    /// The array kept in `kept`, `count` long and filled with `filler`; leaves `kept` empty.
    static func take<Element>(_ kept: inout [Element], count: Int, filler: Element) -> [Element] {
        var array: [Element] = []
        swap(&array, &kept)
        // A kept array holds only fillers: one of the right length is ready as it is.
        if array.count != count { array = Array(repeating: filler, count: max(count, 0)) }
        return array
    }

    /// Keeps `array` in `kept` with every element set to `filler`; leaves `array` empty.
    static func keep<Element>(_ array: inout [Element], in kept: inout [Element], filler: Element) {
        array.withUnsafeMutableBufferPointer { $0.update(repeating: filler) }
        swap(&array, &kept)
        array = []
    }
}
