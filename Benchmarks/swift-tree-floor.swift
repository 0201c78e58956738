// A second reference beside libyaml-floor.c: what a Swift program pays to keep libyaml's
// events as a tree and read it once, with nothing else of a checker. For each file, as the
// C floor reads it, it keeps every node (kind, style, 1-based start and end, children or
// text) in buffers it manages itself, copies each scalar's text, gathers each collection's
// children, and then reads every scalar's bytes. No tags, anchors, aliases, duplicate keys,
// limits or problems: a lower bound for any checker that builds a tree in Swift, not a
// checker. Usage: swift-tree-floor FILE... (or a file list on stdin with -). Prints the node
// count and a sum of the bytes read, so the work cannot be optimised away.
//
// Built by Benchmarks/run.sh:  swiftc -O -static-stdlib -I Sources/CYAML Benchmarks/swift-tree-floor.swift
import CYAML
#if canImport(Glibc)
import Glibc
#endif

/// One node: 28 bytes, as compact as fundlint's own record.
struct Node {
    var kind: UInt8
    var style: UInt8
    var startLine: UInt32
    var startColumn: UInt32
    var endLine: UInt32
    var endColumn: UInt32
    /// Scalar: offset of its text; collection: index of its first child.
    var first: Int32
    /// Scalar: length of its text; collection: number of children.
    var count: Int32
}

/// A growing buffer of plain values, written through its own pointer (no uniqueness check
/// per append, as an array makes). Not copyable: one owner, checked when compiled.
struct Buffer<Element>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ element: Element) {
        reserve(count + 1)
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}

/// The buffers, kept from one file to the next.
struct Tree: ~Copyable {
    var nodes = Buffer<Node>(capacity: 4096)
    var children = Buffer<Int32>(capacity: 4096)
    var pending = Buffer<Int32>(capacity: 1024)
    var text = Buffer<UInt8>(capacity: 1 << 16)
    /// Each open collection: its node and where its children start in `pending`.
    var open = Buffer<(node: Int32, firstPending: Int)>(capacity: 64)

    mutating func clear() {
        nodes.count = 0; children.count = 0; pending.count = 0; text.count = 0; open.count = 0
    }

    mutating func scalar(_ event: yaml_event_t) {
        let data = event.data.scalar
        let length = data.value == nil ? 0 : data.length
        pending.append(Int32(truncatingIfNeeded: nodes.count))
        nodes.append(Node(kind: 0, style: UInt8(truncatingIfNeeded: data.style.rawValue),
                          startLine: line(event.start_mark), startColumn: column(event.start_mark),
                          endLine: line(event.end_mark), endColumn: column(event.end_mark),
                          first: Int32(truncatingIfNeeded: text.count), count: Int32(truncatingIfNeeded: length)))
        text.reserve(text.count + length)
        if let value = data.value, length > 0 { (text.base + text.count).update(from: value, count: length) }
        text.count += length
    }

    mutating func start(_ event: yaml_event_t, kind: UInt8) {
        let node = Int32(truncatingIfNeeded: nodes.count)
        pending.append(node)
        nodes.append(Node(kind: kind, style: 0, startLine: line(event.start_mark), startColumn: column(event.start_mark),
                          endLine: 0, endColumn: 0, first: 0, count: 0))
        open.append((node, pending.count))
    }

    mutating func end(_ event: yaml_event_t) {
        guard open.count > 0 else { return }
        open.count -= 1
        let (node, firstPending) = open.base[open.count]
        let count = pending.count - firstPending
        children.reserve(children.count + count)
        (children.base + children.count).update(from: pending.base + firstPending, count: count)
        let index = Int(node)
        nodes.base[index].first = Int32(truncatingIfNeeded: children.count)
        nodes.base[index].count = Int32(truncatingIfNeeded: count)
        nodes.base[index].endLine = line(event.end_mark)
        nodes.base[index].endColumn = column(event.end_mark)
        children.count += count
        pending.count = firstPending
    }

    /// Reads every scalar's bytes once, as a checker reads each value to type it.
    func readScalars() -> Int {
        var sum = 0
        for index in 0..<nodes.count where nodes.base[index].kind == 0 {
            let node = nodes.base[index]
            let start = text.base + Int(node.first)
            for offset in 0..<Int(node.count) { sum &+= Int(start[offset]) }
        }
        return sum
    }

    private func line(_ mark: yaml_mark_t) -> UInt32 { UInt32(clamping: mark.line &+ 1) }
    private func column(_ mark: yaml_mark_t) -> UInt32 { UInt32(clamping: mark.column &+ 1) }
}

/// Reads the file at `path` and builds its tree; adds to `nodes` and `sum`.
func check(_ path: String, tree: inout Tree, parser: UnsafeMutablePointer<yaml_parser_t>, nodes: inout Int, sum: inout Int) {
    guard let file = fopen(path, "rb") else { perror(path); return }
    fseek(file, 0, SEEK_END)
    let size = max(ftell(file), 0)
    fseek(file, 0, SEEK_SET)
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(size, 1))
    defer { bytes.deallocate() }
    let read = fread(bytes, 1, size, file)
    fclose(file)
    tree.clear()
    guard yaml_parser_initialize(parser) == 1 else { return }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, bytes, read)
    var event = yaml_event_t()
    reading: while yaml_parser_parse(parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT: break reading
        case YAML_SCALAR_EVENT: tree.scalar(event)
        case YAML_SEQUENCE_START_EVENT: tree.start(event, kind: 1)
        case YAML_MAPPING_START_EVENT: tree.start(event, kind: 2)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: tree.end(event)
        default: break
        }
    }
    nodes += tree.nodes.count
    sum &+= tree.readScalars()
}

func main() {
    var tree = Tree()
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    var nodes = 0
    var sum = 0
    for argument in CommandLine.arguments.dropFirst() {
        if argument == "-" {
            while let line = readLine() {
                if !line.isEmpty { check(line, tree: &tree, parser: parser, nodes: &nodes, sum: &sum) }
            }
        } else {
            check(argument, tree: &tree, parser: parser, nodes: &nodes, sum: &sum)
        }
    }
    print("\(nodes) nodes, byte sum \(sum)")
}

main()
