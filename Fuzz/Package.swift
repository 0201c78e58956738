// swift-tools-version: 6.0
// libFuzzer targets over fundlint, built with `-sanitize=fuzzer,address` by run.sh.
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "fundlint-fuzz",
    dependencies: [.package(name: "fundlint", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzPack", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings),
        .executableTarget(name: "FuzzExpression", dependencies: ["FuzzSupport", .product(name: "FundLint", package: "fundlint")], swiftSettings: fuzzSettings),
    ],
    swiftLanguageModes: [.v6]
)
