package jupyter

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The wire protocol, as the Jupyter messaging specification (version 5.3,
// "The Wire Protocol", jupyter-client.readthedocs.io/en/latest/messaging.html)
// lays it out: a multipart ZeroMQ message of
//
//	routing identities..., "<IDS|MSG>", HMAC signature,
//	header, parent header, metadata, content (four JSON objects),
//	binary buffers...
//
// The signature is the hex HMAC (here SHA-256, the connection file's
// signature_scheme) of the four JSON frames in order, keyed with the
// connection file's key; an empty key means no signing.

// protocolVersion is the version of the messaging protocol the kernel speaks.
const protocolVersion = "5.3"

// delimiter separates the routing identities from the message proper.
const delimiter = "<IDS|MSG>"

// header is a message's header.
type header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// message is one Jupyter message. Received messages keep their header's
// JSON as it came (rawHeader), since a reply's parent header must repeat
// it exactly, fields we do not know included.
type message struct {
	idents    [][]byte
	header    header
	rawHeader json.RawMessage
	parent    json.RawMessage // the parent's header; {} when there is none
	metadata  json.RawMessage
	content   json.RawMessage
	buffers   [][]byte
}

// signer signs and verifies messages with a connection's key.
type signer struct{ key []byte }

// sign returns the hex signature of the four JSON frames.
func (s signer) sign(frames ...[]byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	mac := hmac.New(sha256.New, s.key)
	for _, f := range frames {
		mac.Write(f)
	}
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// errBadSignature is the error of a message whose signature does not match.
var errBadSignature = errors.New("bad message signature")

// decode parses the frames of a received message and checks its signature.
func (s signer) decode(frames [][]byte) (*message, error) {
	i := 0
	for i < len(frames) && string(frames[i]) != delimiter {
		i++
	}
	if len(frames)-i < 6 {
		return nil, fmt.Errorf("malformed message: %d frames, no %q followed by a signature and four JSON frames", len(frames), delimiter)
	}
	m := &message{idents: frames[:i]}
	sig, parts := frames[i+1], frames[i+2:i+6]
	if len(s.key) > 0 && !hmac.Equal(sig, s.sign(parts...)) {
		return nil, errBadSignature
	}
	m.rawHeader, m.parent, m.metadata, m.content = parts[0], parts[1], parts[2], parts[3]
	if err := json.Unmarshal(m.rawHeader, &m.header); err != nil {
		return nil, fmt.Errorf("malformed message header: %v", err)
	}
	if m.header.MsgType == "" {
		return nil, errors.New("malformed message: its header has no msg_type")
	}
	m.buffers = frames[i+6:]
	return m, nil
}

// encode returns the frames of a message to send, signed.
func (s signer) encode(m *message) ([][]byte, error) {
	h := m.rawHeader
	if h == nil {
		var err error
		if h, err = json.Marshal(m.header); err != nil {
			return nil, err
		}
	}
	parts := [][]byte{h, orEmpty(m.parent), orEmpty(m.metadata), orEmpty(m.content)}
	frames := append([][]byte{}, m.idents...)
	frames = append(frames, []byte(delimiter), s.sign(parts...))
	frames = append(frames, parts...)
	return append(frames, m.buffers...), nil
}

// orEmpty returns raw, or an empty JSON object for none.
func orEmpty(raw json.RawMessage) []byte {
	if len(bytes.TrimSpace(raw)) == 0 {
		return []byte("{}")
	}
	return raw
}

// newID returns a random version-4 UUID, the form of Jupyter's message
// and session ids (RFC 9562, section 5.4).
func newID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// now returns the current time as a message header's date (ISO 8601).
func now() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000000Z") }
