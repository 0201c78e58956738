// swift-tools-version: 6.0
// libFuzzer targets over fundlint, built with `-sanitize=fuzzer,address` by run.sh.
import PackageDescription

// libFuzzer is linked into the fuzzing targets only; run.sh builds everything with
// AddressSanitizer and coverage.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "fundlint-fuzz",
    dependencies: [.package(name: "fundlint", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings, linkerSettings: fuzzLinking),
        .executableTarget(name: "FuzzPack", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings, linkerSettings: fuzzLinking),
        .executableTarget(name: "FuzzExpression", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings, linkerSettings: fuzzLinking),
    ],
    swiftLanguageModes: [.v6]
)
