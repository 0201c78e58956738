// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "fundlint",
    products: [
        .executable(name: "fundlint", targets: ["FundLintCLI"]),
        .library(name: "FundLint", targets: ["FundLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        .target(
            name: "RulePacks",
            path: "Rules",
            exclude: ["README.md"],
            sources: ["RulePacks.swift"],
            resources: [.embedInCode("core.yaml"), .embedInCode("lipf-2026.yaml")],
            plugins: ["RulePackSnapshots"]
        ),
        .executableTarget(name: "RulePackSnapshotter", dependencies: ["YAMLTree"]),
        .plugin(name: "RulePackSnapshots", capability: .buildTool(), dependencies: ["RulePackSnapshotter"]),
        .target(name: "FundLint", dependencies: ["YAMLTree", "RulePacks"]),
        .executableTarget(
            name: "FundLintCLI",
            dependencies: [
                "FundLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["YAMLTree"], path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree", "CYAML", "TestSupport"]),
        .testTarget(name: "FundLintTests", dependencies: ["FundLint", "YAMLTree", "RulePacks", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["FundLintCLI"], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
