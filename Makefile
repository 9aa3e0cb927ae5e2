# Shortcuts; the scripts do the work (and install what they need).
.PHONY: run test bench bench-windows
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench-windows:
	bash scripts/bench-windows.sh
bench:
	cargo bench
	cargo bench -p dlis-learn-app
