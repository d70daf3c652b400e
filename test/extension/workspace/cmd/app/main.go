package main

import (
	"fmt"
	"net/http"

	"github.com/google/uuid"
)

func main() {
	fmt.Println("hello", uuid.NewString())
	_ = http.ListenAndServe(":8080", nil)
}
