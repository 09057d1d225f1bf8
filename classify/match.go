package classify

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A term is one word or phrase of a rule, matched at a word start (or at
// any character in scripts written without spaces). By default it matches
// as a prefix, so "deliver" finds "delivered" and "delivery"; whole marks a
// term that must also end at a word end ("ems" must not find "emsland").
type term struct {
	text  string
	whole bool
}

// termIndex finds every term in a normalised text in one pass: its terms
// are frozen into a radix trie, so a word start costs one walk down the
// trie however many rules share its first letters.
type termIndex struct {
	terms []term
	ids   map[term]int32
	trie  termTrie
	// built is false after add until build freezes the trie again.
	built bool
}

// termTrie is a radix trie in flat arrays. A node is reached by its
// fragment, the bytes after its parent's; its children are a run of edges
// sorted by their first byte, and the terms ending at it a run of ends. A
// node exists only where terms branch or end, so a walk compares whole
// fragments instead of stepping byte by byte.
type termTrie struct {
	// root maps a first byte straight to its node (0: none), the one
	// lookup every word start makes.
	root  [256]int32
	nodes []trieNode
	edges []trieEdge
	ends  []int32
}

type trieNode struct {
	frag        string
	edge, nEdge int32 // edges[edge : edge+nEdge]
	end, nEnd   int32 // ends[end : end+nEnd]
}

type trieEdge struct {
	first byte
	node  int32
}

func newTermIndex() *termIndex {
	return &termIndex{ids: map[term]int32{}}
}

// add registers a folded term and returns its id. The index must be built
// again before the next scan.
func (x *termIndex) add(t term) int32 {
	if id, ok := x.ids[t]; ok {
		return id
	}
	id := int32(len(x.terms))
	x.terms = append(x.terms, t)
	x.ids[t] = id
	x.built = false
	return id
}

// build freezes the terms added so far into the trie.
func (x *termIndex) build() {
	order := make([]int32, 0, len(x.terms))
	for id, t := range x.terms {
		if t.text != "" {
			order = append(order, int32(id))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(x.terms[a].text, x.terms[b].text) })
	x.trie = termTrie{}
	x.trie.grow(x.terms, order, 0, 0)
	root := x.trie.nodes[0]
	for _, e := range x.trie.edges[root.edge : root.edge+root.nEdge] {
		x.trie.root[e.first] = e.node
	}
	x.built = true
}

// grow adds the node for the terms in ids, sorted and sharing their first
// depth bytes (from bytes from on its fragment), and the nodes below it;
// it returns the node's index.
func (t *termTrie) grow(terms []term, ids []int32, from, depth int) int32 {
	n := int32(len(t.nodes))
	frag := ""
	if len(ids) > 0 {
		frag = terms[ids[0]].text[from:depth]
	}
	t.nodes = append(t.nodes, trieNode{frag: frag})
	// Terms that end here sort first: they are the shared prefix itself.
	i, end := 0, int32(len(t.ends))
	for i < len(ids) && len(terms[ids[i]].text) == depth {
		t.ends = append(t.ends, ids[i])
		i++
	}
	t.nodes[n].end, t.nodes[n].nEnd = end, int32(len(t.ends))-end
	type branch struct {
		ids   []int32
		depth int // where the branch's terms next differ or one ends
	}
	var branches []branch
	for j := i; j < len(ids); {
		first := terms[ids[j]].text
		k := j
		for k < len(ids) && terms[ids[k]].text[depth] == first[depth] {
			k++
		}
		// Sorted, the branch's first and last terms share what all share;
		// no term ends inside that prefix, or it would sort first and be
		// the prefix.
		last := terms[ids[k-1]].text
		d := depth + 1
		for d < len(first) && d < len(last) && first[d] == last[d] {
			d++
		}
		branches = append(branches, branch{ids[j:k], d})
		j = k
	}
	edge := int32(len(t.edges))
	for _, br := range branches {
		t.edges = append(t.edges, trieEdge{first: terms[br.ids[0]].text[depth]})
	}
	t.nodes[n].edge, t.nodes[n].nEdge = edge, int32(len(branches))
	for k, br := range branches {
		t.edges[edge+int32(k)].node = t.grow(terms, br.ids, depth, br.depth)
	}
	return n
}

// maxMatches bounds the terms recorded per text; texts are short and the
// rest would only repeat what is known.
const maxMatches = 64

// matchSet is the set of term ids found in one text.
type matchSet struct {
	ids [maxMatches]int32
	n   int
}

func (m *matchSet) has(id int32) bool {
	for _, x := range m.ids[:m.n] {
		if x == id {
			return true
		}
	}
	return false
}

func (m *matchSet) add(id int32) {
	if m.n < maxMatches && !m.has(id) {
		m.ids[m.n] = id
		m.n++
	}
}

// scan records every term that occurs in text, a normalised string that
// begins and ends with a space.
func (x *termIndex) scan(text string, found *matchSet) {
	if !x.built {
		panic("classify: termIndex scanned before build")
	}
	wordStart := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' {
			wordStart = true
			i += size
			continue
		}
		if wordStart || spaceless(r) {
			x.scanAt(text, i, found)
		}
		wordStart = false
		i += size
	}
}

func (x *termIndex) scanAt(text string, i int, found *matchSet) {
	t := &x.trie
	for node := t.root[text[i]]; node != 0; {
		nd := &t.nodes[node]
		if !strings.HasPrefix(text[i:], nd.frag) {
			return
		}
		i += len(nd.frag)
		for _, id := range t.ends[nd.end : nd.end+nd.nEnd] {
			if x.terms[id].whole && i < len(text) && text[i] != ' ' {
				continue // "ems$" must not find "emsland"
			}
			found.add(id)
		}
		if i >= len(text) || nd.nEdge == 0 {
			return
		}
		node = t.child(nd, text[i])
	}
}

// child is the node whose fragment starts with b below nd, or 0 (the root,
// never a child) when there is none. Written out rather than with
// slices.BinarySearchFunc, which made ClassifyText about 10% slower
// (3.8 against 3.3 µs, both built and run alternately in one sitting).
func (t *termTrie) child(nd *trieNode, b byte) int32 {
	lo, hi := nd.edge, nd.edge+nd.nEdge
	for hi-lo > 8 {
		mid := int32(uint32(lo+hi) >> 1)
		if t.edges[mid].first < b {
			lo = mid + 1
		} else {
			hi = mid + 1 // mid may be the edge
		}
	}
	for ; lo < hi; lo++ {
		if f := t.edges[lo].first; f >= b {
			if f == b {
				return t.edges[lo].node
			}
			return 0
		}
	}
	return 0
}
