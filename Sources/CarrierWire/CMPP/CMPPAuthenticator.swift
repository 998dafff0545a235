import Crypto

extension CMPP {
    /// The MD5 authenticators of CONNECT / CONNECT_RESP (cmpp.md §4). MD5 is what the carrier
    /// specifies; it authenticates the login, it is not used for secrecy.
    public enum Authenticator {
        /// How Source_Addr enters AuthenticatorSource when it is shorter than its 6-byte field
        /// (cmpp.md §4.1, gocmpp #13). Both agree for 6-character ids; make it per account.
        public enum SourceAddrHashing: Sendable, Hashable {
            /// Hash the wire field: the id right-padded with 0x00 to 6 bytes (gocmpp since 55b5d3d).
            case padded
            /// Hash only the id's own bytes (SMSGate).
            case unpadded
        }

        /// Bytes of Source_Addr (cmpp.md §4.1).
        public static let sourceAddrLength = 6
        /// Zero bytes between Source_Addr and the secret (cmpp.md §4.1; SMGP uses 7).
        public static let zeroPadLength = 9
        /// Length of an MD5 digest and of both authenticator fields.
        public static let length = 16

        /// The CONNECT timestamp as the 10 ASCII digits `MMDDHHMMSS` hashed into
        /// AuthenticatorSource, zero-padded on the left (January → "01…").
        public static func timestampDigits(_ timestamp: UInt32) -> String {
            String(timestamp).leftPadded(to: 10)
        }

        /// AuthenticatorSource = MD5(Source_Addr ‖ 9×0x00 ‖ secret ‖ MMDDHHMMSS) (cmpp.md §4.1).
        /// `timestamp` must be the value sent in CONNECT.Timestamp.
        public static func source(sourceAddr: String, secret: String, timestamp: UInt32,
                                  hashing: SourceAddrHashing = .padded) -> [UInt8] {
            var input = Array(sourceAddr.utf8)
            if hashing == .padded && input.count < sourceAddrLength {
                input += [UInt8](repeating: 0, count: sourceAddrLength - input.count)
            }
            input += [UInt8](repeating: 0, count: zeroPadLength)
            input += Array(secret.utf8)
            input += Array(timestampDigits(timestamp).utf8)
            return Array(Insecure.MD5.hash(data: input))
        }

        /// AuthenticatorISMG = MD5(Status ‖ AuthenticatorSource ‖ secret), Status hashed in its
        /// wire width: 1 byte in 2.0, 4 bytes big-endian in 3.0 (cmpp.md §4.2).
        public static func ismg(status: ConnectStatus, authenticatorSource: [UInt8], secret: String,
                                layout: Layout) -> [UInt8] {
            var input: [UInt8]
            switch layout {
            case .v2: input = [UInt8(truncatingIfNeeded: status.rawValue)]
            case .v3: input = withUnsafeBytes(of: status.rawValue.bigEndian) { Array($0) }
            }
            input += authenticatorSource
            input += Array(secret.utf8)
            return Array(Insecure.MD5.hash(data: input))
        }

        /// Checks a CONNECT's AuthenticatorSource (the gateway/simulator side). Constant-time.
        public static func verify(_ connect: Connect, secret: String, hashing: SourceAddrHashing = .padded) -> Bool {
            let expected = source(sourceAddr: connect.sourceAddr, secret: secret, timestamp: connect.timestamp, hashing: hashing)
            return constantTimeEqual(expected, connect.authenticatorSource)
        }

        /// Checks a CONNECT_RESP's AuthenticatorISMG against the AuthenticatorSource we sent
        /// (optional for an SP: cmpp.md §4.2). Constant-time.
        public static func verify(_ response: ConnectResponse, authenticatorSource: [UInt8], secret: String,
                                  layout: Layout) -> Bool {
            let expected = ismg(status: response.status, authenticatorSource: authenticatorSource, secret: secret, layout: layout)
            return constantTimeEqual(expected, response.authenticatorISMG)
        }

        static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            guard a.count == b.count else { return false }
            var difference: UInt8 = 0
            for (x, y) in zip(a, b) { difference |= x ^ y }
            return difference == 0
        }
    }
}
