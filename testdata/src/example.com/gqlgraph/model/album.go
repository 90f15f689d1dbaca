package model

// Album is a model the schema binds (gqlgen.yml models:), the parent
// object of AlbumResolver's methods.
type Album struct {
	ID    int
	Limit int
}

type Media struct {
	ID    int
	Title string
}
