/// A validated mainland China mobile number in its canonical 11-digit form ("13800138000").
///
/// Accepts the forms people type and spreadsheets hold: `+86 138 0013 8000`, `0086-13800138000`,
/// `8613800138000`, `138-0013-8000`, full-width digits, and Excel's numeric rendering
/// (`1.3800138E10` is *not* accepted: precision may have been lost — say so instead).
/// Phone numbers are personal data: use `masked` in logs and errors.
public struct PhoneNumber: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The 11 digits.
    public let digits: String

    /// Normalises and validates. Throws `DomainError(.invalidNumber)` saying what is wrong,
    /// without echoing the full number.
    public init(parsing raw: String) throws(DomainError) {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: ascii.append(UInt8(scalar.value))
            case 0xFF10...0xFF19: ascii.append(UInt8(scalar.value - 0xFF10 + 0x30)) // full-width digits
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09, 0xA0, 0x3000, 0xFF0D, 0x2010...0x2015: continue // separators
            case 0x2B where ascii.isEmpty: continue // leading +
            default:
                throw DomainError(.invalidNumber, "number contains '\(Character(scalar))', only digits, spaces, dashes and a leading + are allowed")
            }
        }
        if ascii.count == 15, ascii.starts(with: Array("0086".utf8)) { ascii.removeFirst(4) }
        else if ascii.count == 13, ascii.starts(with: Array("86".utf8)) { ascii.removeFirst(2) }
        guard !ascii.isEmpty else { throw DomainError(.invalidNumber, "number is empty") }
        guard ascii.count == 11 else {
            throw DomainError(.invalidNumber, "number has \(ascii.count) digits, a mainland mobile number has 11")
        }
        guard ascii[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(ascii[1]) else {
            throw DomainError(.invalidNumber, "number starts with \(String(decoding: ascii.prefix(2), as: UTF8.self)), mainland mobile numbers start with 13–19")
        }
        self.digits = String(decoding: ascii, as: UTF8.self)
    }

    /// For values already known to be canonical (read back from storage).
    public init(canonical digits: String) {
        self.digits = digits
    }

    /// `138****8000`: safe for logs, errors and screens of roles that may not see numbers.
    public var masked: String { PhoneNumber.mask(digits) }

    /// Masks any string of digits the same way (first 3, last 4 kept).
    public static func mask(_ s: String) -> String {
        let chars = Array(s)
        guard chars.count > 7 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + String(repeating: "*", count: chars.count - 7) + String(chars.suffix(4))
    }

    public var description: String { masked }
    public static func < (a: PhoneNumber, b: PhoneNumber) -> Bool { a.digits < b.digits }

    /// The number as an integer key (compact sets and maps for large imports).
    public var key: UInt64 { UInt64(digits) ?? 0 }
}
