import Synchronization

/// A message template of a pack whose templates are known to compile: a built-in pack,
/// which the test suite loads in full. It is compiled the first time a message needs it
/// instead of at every start: most runs never show most messages.
///
/// It compiles with the rule's compiler as it stood where the template is written, so it
/// sees the same `for_each` variable and `let`s; the slots its own macros need come after
/// those, and ``MessageTemplate/render(_:)`` makes room for them.
final class DeferredTemplate: Sendable {
    /// The template as written, shown as it is should it ever fail to compile.
    let source: String
    private let compiler: ExpressionCompiler
    private let compiled = Mutex<Compiled??>(nil)

    /// A compiled template and the number of locals its evaluation needs.
    struct Compiled: Sendable {
        var parts: [MessageTemplate.Part]
        var slots: Int
    }

    init(source: String, compiler: ExpressionCompiler) {
        self.source = source
        self.compiler = compiler
    }

    /// The compiled template, or `nil` if it does not compile.
    func parts() -> Compiled? {
        compiled.withLock { cached in
            if let cached { return cached }
            var compiler = self.compiler
            let result = try? TemplateCompiler.compile(source, compiler: &compiler).get()
            let value = result.map { Compiled(parts: $0, slots: compiler.slotCount) }
            cached = .some(value)
            return value
        }
    }
}
