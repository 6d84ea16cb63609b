export { createOrderData, type CreateOrderData, type CreatedOrder, type OrderLine } from './create-order-data.js';
