"""Money: dated exchange rates, amounts in words, constant dollars."""
