package httpapi

// The tables. Keys are canonical (internal/apimatch): major versions
// dropped, so one entry covers echo v4 and v5 where the shapes agree.
// Adding a framework: its holder type in holders, its accessors in inputs,
// its handler shape in HandlerFramework if it is not one of those below,
// and a stub at its real import path under testdata/src.

// holder gives the framework of a holder type by how it is used: through
// a pointer to a struct, or as an interface value.
type holder struct {
	ptr   Framework // *T, T a struct
	value Framework // T, an interface
}

var holders = map[string]holder{
	"net/http.Request":                 {ptr: NetHTTP},
	"github.com/gin-gonic/gin.Context": {ptr: Gin},
	"github.com/labstack/echo.Context": {ptr: EchoV5, value: Echo}, // v5 made Context a struct
	"github.com/gofiber/fiber.Ctx":     {ptr: Fiber},               // v2; v3's Ctx is an interface

	// beego v2 (v1's github.com/astaxie/beego is renamed to it): the
	// context of HandleFunc and FilterFunc, and the controller whose
	// methods are the routed actions (see beegoController).
	"github.com/beego/beego/server/web/context.Context": {ptr: Beego},
	"github.com/beego/beego/server/web.Controller":      {ptr: Beego},
}

type input struct {
	kind InputKind
	fw   Framework
}

// inputs are the accessors returning client-controlled input, keyed by
// apimatch.Key. Values parsed by the framework (fiber's QueryInt, the
// (int, error) of ParamsInt) are input too.
var inputs = map[string]input{
	"(net/url.Values).Get":              {Query, NetHTTP},
	"(*net/http.Request).FormValue":     {Form, NetHTTP},
	"(*net/http.Request).PostFormValue": {Form, NetHTTP},
	"(*net/http.Request).PathValue":     {PathParam, NetHTTP},

	"(*github.com/gin-gonic/gin.Context).Query":        {Query, Gin},
	"(*github.com/gin-gonic/gin.Context).DefaultQuery": {Query, Gin},
	"(*github.com/gin-gonic/gin.Context).GetQuery":     {Query, Gin},
	"(*github.com/gin-gonic/gin.Context).Param":        {PathParam, Gin},

	"(github.com/labstack/echo.Context).QueryParam": {Query, Echo},
	"(github.com/labstack/echo.Context).Param":      {PathParam, Echo},
	"(github.com/labstack/echo.Context).FormValue":  {Form, Echo},

	"(*github.com/labstack/echo.Context).QueryParam":   {Query, EchoV5},
	"(*github.com/labstack/echo.Context).QueryParamOr": {Query, EchoV5},
	"(*github.com/labstack/echo.Context).Param":        {PathParam, EchoV5},
	"(*github.com/labstack/echo.Context).ParamOr":      {PathParam, EchoV5},
	"(*github.com/labstack/echo.Context).FormValue":    {Form, EchoV5},
	"(*github.com/labstack/echo.Context).FormValueOr":  {Form, EchoV5},

	"(*github.com/gofiber/fiber.Ctx).Query":     {Query, Fiber},
	"(*github.com/gofiber/fiber.Ctx).QueryInt":  {Query, Fiber},
	"(*github.com/gofiber/fiber.Ctx).Params":    {PathParam, Fiber},
	"(*github.com/gofiber/fiber.Ctx).ParamsInt": {PathParam, Fiber},
	"(*github.com/gofiber/fiber.Ctx).FormValue": {Form, Fiber},

	"github.com/go-chi/chi.URLParam":        {PathParam, Chi},
	"github.com/go-chi/chi.URLParamFromCtx": {PathParam, Chi},

	"github.com/gorilla/mux.Vars": {PathParam, GorillaMux}, // a map: its elements are input

	// go-macaron's Context (gogs' handlers embed it): its query and path
	// accessors, also those parsing a number.
	"(*gopkg.in/macaron.v1.Context).Query":       {Query, Macaron},
	"(*gopkg.in/macaron.v1.Context).QueryTrim":   {Query, Macaron},
	"(*gopkg.in/macaron.v1.Context).QueryInt":    {Query, Macaron},
	"(*gopkg.in/macaron.v1.Context).QueryInt64":  {Query, Macaron},
	"(*gopkg.in/macaron.v1.Context).Params":      {PathParam, Macaron},
	"(*gopkg.in/macaron.v1.Context).ParamsInt":   {PathParam, Macaron},
	"(*gopkg.in/macaron.v1.Context).ParamsInt64": {PathParam, Macaron},

	// beego's controller getters read c.Ctx.Input.Query: a path
	// parameter, else a query or form value; its input's Query does the
	// same, and Param reads the path parameters alone.
	"(*github.com/beego/beego/server/web.Controller).GetString":  {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetStrings": {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetInt":     {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetInt8":    {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetInt16":   {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetInt32":   {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetInt64":   {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetUint8":   {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetUint16":  {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetUint32":  {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetUint64":  {Form, Beego},
	"(*github.com/beego/beego/server/web.Controller).GetFloat":   {Form, Beego},

	"(*github.com/beego/beego/server/web/context.BeegoInput).Query": {Form, Beego},
	"(*github.com/beego/beego/server/web/context.BeegoInput).Param": {PathParam, Beego},
}
