// swift-tools-version: 6.1
import PackageDescription

// libFuzzer harnesses for the wire decoders in Sources/CarrierWire. Run them with
// `scripts/fuzz.sh PROTO [RUNS]` (see Fuzz/README.md); a plain `swift build` here is pointless,
// the harnesses only link with `-sanitize=fuzzer`.
//
// Why the codec is compiled here from a symlink instead of `.package(path: "..")`: the root
// package exposes no library product for CarrierWire (only the `tocsin` executable), and
// SwiftPM lets a dependant use products only, never targets. `Sources/CarrierWire` is a symlink
// to `../../Sources/CarrierWire`, so this package compiles the very same files as a target of its
// own with the same two dependencies as in the root manifest. Nothing is copied, the root
// Package.swift stays untouched, and the codec is built with the fuzzer's coverage
// instrumentation like the harnesses. (Keep the dependency list in step with the root's
// `CarrierWire` target.)
//
// One executable per protocol, each a one-line entry point into the generic harness in
// `FuzzSupport`. To enable a protocol once its `WireProtocol` type is on the branch, add its name
// to `enabledHarnesses` below (its `Sources/fuzz-<proto>/Entry.swift` is already written), and
// add its seeds under `Corpus/<proto>/` (see Fuzz/README.md).
let enabledHarnesses: [String] = [
    "fuzz-smpp",
    "fuzz-cmpp2",
    "fuzz-cmpp3",
    "fuzz-sgip",
    "fuzz-smgp",
]

let package = Package(
    name: "tocsin-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // The root package's CarrierWire sources, through the symlink (see above).
        .target(
            name: "CarrierWire",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Declares libFuzzer's LLVMFuzzerRunDriver for the entry-point shim in FuzzSupport.
        .target(name: "CLibFuzzer"),
        // The generic property checks every harness runs, and the libFuzzer entry-point shim.
        .target(
            name: "FuzzSupport",
            dependencies: ["CarrierWire", "CLibFuzzer", .product(name: "NIOCore", package: "swift-nio")]
        ),
    ] + enabledHarnesses.map { name in
        .executableTarget(name: name, dependencies: ["CarrierWire", "FuzzSupport"])
    },
    swiftLanguageModes: [.v6]
)
