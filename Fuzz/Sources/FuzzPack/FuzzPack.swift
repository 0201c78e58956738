import FundLint

/// The rule-pack loader on arbitrary bytes; a pack that loads is also run on its examples.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    if case .success(let pack) = RulePack.load(bytes, path: "fuzz-pack.yaml") {
        _ = PackVerifier(pack: pack).verify()
        _ = JSONSchemaExporter(pack: pack).schema.rendered()
        _ = pack.initPlan(nil)
    }
    _ = Configuration.load(bytes, path: ".fundlint.yml")
    return 0
}
