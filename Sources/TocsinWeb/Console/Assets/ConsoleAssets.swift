import Hummingbird

/// The console's stylesheet and script, compiled into the binary and served by the app (no CDN,
/// nothing fetched at run time). Cached for an hour; the CSP allows only this origin.
enum ConsoleAssets {
    static func register(on group: RouterGroup<TocsinRequestContext>) {
        group.get("assets/console.css") { _, _ in asset(ConsoleStyle.css, type: "text/css; charset=utf-8") }
        group.get("assets/console.js") { _, _ in asset(ConsoleScript.js, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
