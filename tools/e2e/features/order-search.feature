Feature: Order search
  Staff find orders by customer, by the stores and products they hold, by their total and by their status, and any
  combination of these. Each order found shows the customer's name, the store and product names and the total;
  the newest orders come first. The search follows each order through its life.

  Background:
    Given the participating store "Nic & Naks" sells:
      | product           | price |
      | Wizard w/ crystal | 9.99  |
      | Crystal ball      | 25.00 |
    And the participating store "Waldorf Books" sells:
      | product         | price |
      | Dragon bookmark | 2.50  |
    And the registered customer "Alice"
    And the registered customer "Bob"

  Scenario: Finding a customer's orders
    Given Alice's order "A1" for 2 "Wizard w/ crystal" has been approved
    And Bob's order "B1" for 1 "Crystal ball" has been approved
    And Alice's order "A2" for 4 "Dragon bookmark" has been approved
    When staff search for Alice's orders
    Then they find, newest first:
      | order | customer | items                             | total | status   |
      | A2    | Alice    | 4 Dragon bookmark (Waldorf Books) | 10.00 | approved |
      | A1    | Alice    | 2 Wizard w/ crystal (Nic & Naks)  | 19.98 | approved |

  Scenario: Finding orders by status
    Given Alice's order "A1" for 1 "Crystal ball" has been approved
    And Alice's order "A2" for 1 "Wizard w/ crystal" has been rejected
    When staff search for Alice's orders that are rejected
    Then they find, newest first:
      | order | customer | items                            | total | status   |
      | A2    | Alice    | 1 Wizard w/ crystal (Nic & Naks) | 9.99  | rejected |
    When staff search for Alice's orders that are approved
    Then they find, newest first:
      | order | customer | items                       | total | status   |
      | A1    | Alice    | 1 Crystal ball (Nic & Naks) | 25.00 | approved |

  Scenario: Finding the orders that hold a store's products
    Given Alice's order "A1" for 1 "Crystal ball" has been approved
    And Bob's order "B1" for 2 "Dragon bookmark" has been approved
    When staff search for orders from "Waldorf Books"
    Then they find, newest first:
      | order | customer | items                             | total | status   |
      | B1    | Bob      | 2 Dragon bookmark (Waldorf Books) | 5.00  | approved |

  Scenario: Finding the orders that hold a product
    Given Alice's order "A1" has been approved for:
      | product           | quantity |
      | Wizard w/ crystal | 1        |
      | Dragon bookmark   | 2        |
    And Bob's order "B1" for 1 "Wizard w/ crystal" has been approved
    And Bob's order "B2" for 1 "Crystal ball" has been approved
    When staff search for orders of "Wizard w/ crystal"
    Then they find, newest first:
      | order | customer | items                                                             | total | status   |
      | B1    | Bob      | 1 Wizard w/ crystal (Nic & Naks)                                  | 9.99  | approved |
      | A1    | Alice    | 1 Wizard w/ crystal (Nic & Naks), 2 Dragon bookmark (Waldorf Books) | 14.99 | approved |

  Scenario: Finding a customer's orders by their total
    Given Alice's order "A1" for 1 "Dragon bookmark" has been approved
    And Alice's order "A2" for 2 "Wizard w/ crystal" has been approved
    And Alice's order "A3" for 1 "Crystal ball" has been approved
    When staff search for Alice's orders totalling from 2.50 to 19.98
    Then they find, newest first:
      | order | customer | items                            | total | status   |
      | A2    | Alice    | 2 Wizard w/ crystal (Nic & Naks) | 19.98 | approved |
      | A1    | Alice    | 1 Dragon bookmark (Waldorf Books) | 2.50  | approved |

  Scenario: The search follows an order to completion
    Given Alice's order "A1" for 1 "Crystal ball" has been completed
    When staff search for Alice's orders that are completed
    Then they find, newest first:
      | order | customer | items                       | total | status    |
      | A1    | Alice    | 1 Crystal ball (Nic & Naks) | 25.00 | completed |

  Scenario: An unknown status cannot be searched for
    When staff try to search for orders that are "shipped"
    Then it is refused because 'unknown order status "shipped"; expected one of pending, approved, rejected, cancelled, ready, completed'

  Scenario: The lowest total cannot be above the highest
    When staff try to search for orders totalling from 20.00 to 10.00
    Then it is refused because "the minimum total cannot be greater than the maximum total"
