module gopkg.in/gographics/imagick.v3

go 1.13
