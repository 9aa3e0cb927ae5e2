# Shortcuts; the scripts do the work (and install what they need).
.PHONY: run test bench
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench:
	cargo bench
	cargo bench -p dlis-learn-app
