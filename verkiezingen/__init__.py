"""The elections: which seats an election reopens, successors, induction packs."""
