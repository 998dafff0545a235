import CarrierWire
import FuzzSupport

/// libFuzzer calls this once per input; the checks are in FuzzSupport/DecoderFuzzing.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzDecode(SMGP.self, data, size)
}

/// The process entry SwiftPM links as `main` (see FuzzSupport/LibFuzzerMain.swift).
@_cdecl("fuzz_smgp_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc: argc, argv: argv, testOneInput: fuzzerTestOneInput)
}
