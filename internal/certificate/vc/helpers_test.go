package vc

import (
	"crypto/ed25519"
	"testing"
	"time"
)

var (
	t0   = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	seed = [32]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}
)

func keyFromSeed(id string, s [32]byte, from, until time.Time) Key {
	priv := ed25519.NewKeyFromSeed(s[:])
	return Key{ID: id, Private: priv, Public: priv.Public().(ed25519.PublicKey), From: from, Until: until}
}

func testKeys(t *testing.T) KeySet {
	t.Helper()
	return KeySet{DID: "did:web:localhost%3A8080", Keys: []Key{keyFromSeed("key-1", seed, t0, time.Time{})}}
}

func sample() Certificate {
	return Certificate{Number: "PKJ/2026/7K3M9QXA", HolderName: "Ni Luh Putu Ayu Kusumawardhani",
		CourseID: "co01JDX8Y6K2Q3W4E5R6T7Y8U9", CourseTitle: "Pemasaran Digital untuk Usaha Mikro dengan Media Sosial",
		CourseDesc:    "Pelatihan daring mandiri 12 jam: membuat konten, iklan berbayar, dan toko online untuk usaha kecil. Peserta belajar memotret produk, menulis keterangan yang menjual, dan membaca data penjualan.",
		InstitutionID: "ti01JDX8Y6K2Q3W4E5R6T7Y8U9", InstitutionName: "Lembaga Pelatihan Kerja Cipta Karya Nusantara",
		Score: 84, IssuedAt: t0.Add(30 * 24 * time.Hour)}
}
