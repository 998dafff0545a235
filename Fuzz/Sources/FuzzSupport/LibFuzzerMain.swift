import CLibFuzzer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs libFuzzer's driver with `testOneInput` and returns its exit status.
///
/// Why a harness needs this instead of libFuzzer's own `main`: SwiftPM (tools version ≥ 5.5,
/// Linux) compiles an executable target's entry point as `<module>_main`, so tests can link the
/// executable, and links the product with `--defsym main=<module>_main`. Built with
/// `-parse-as-library` a harness has no entry point, so that symbol would be missing and the
/// link fails ("undefined symbol 'fuzz_smpp_main'"). Each harness therefore defines
/// `<module>_main` itself (`@_cdecl`) and calls this, the documented entry for a custom main.
///
/// The Swift runtime's crash backtracer (on by default on Linux) installs its SIGILL/SIGSEGV
/// handlers first, and libFuzzer then leaves those signals alone: a trap would print a Swift
/// backtrace but libFuzzer would never write the `crash-…` file. Unless `SWIFT_BACKTRACE` is set
/// explicitly, this re-executes the process once with `SWIFT_BACKTRACE=enable=no`.
public func runLibFuzzer(
    argc: CInt,
    argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    #if os(Linux)
    if getenv("SWIFT_BACKTRACE") == nil, let argv {
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        execv("/proc/self/exe", argv)
        perror("re-executing with SWIFT_BACKTRACE=enable=no failed; crash files may not be written")
    }
    #endif
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}
