package bodies

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

// maxAvatar bounds an uploaded avatar.
const maxAvatar = 2 << 20

// ginAvatarLeaky reads the uploaded file whole: the form spilled it to
// disk past 32 MiB, and io.ReadAll brings every byte back into memory.
func ginAvatarLeaky(c *gin.Context) {
	fh, err := c.FormFile("avatar")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	f, err := fh.Open()
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f) // LEAK
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.Data(http.StatusOK, "image/png", data)
}

// ginAvatar checks the file's size before reading it.
func ginAvatar(c *gin.Context) {
	fh, err := c.FormFile("avatar")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if fh.Size > maxAvatar {
		c.JSON(http.StatusRequestEntityTooLarge, gin.H{"error": "avatar too large"})
		return
	}
	f, err := fh.Open()
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.Data(http.StatusOK, "image/png", data)
}

// ServeAvatars serves both avatar handlers; gin bounds no body by default.
func ServeAvatars(addr string) error {
	r := gin.Default()
	r.POST("/leaky/avatar", ginAvatarLeaky)
	r.POST("/avatar", ginAvatar)
	return r.Run(addr)
}
