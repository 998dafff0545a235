import Hummingbird

/// `GET /api/v1/openapi.json` (authenticated, like every API route but login).
struct OpenAPIRoutes {
    let version: String

    func register(on api: RouterGroup<TocsinRequestContext>) {
        api.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.json(version: version))))
        }
    }
}
