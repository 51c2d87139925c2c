import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { createLiveSocket, type LiveSocket } from './apollo/live-socket';
import { ApiKeyForm } from './components/ApiKeyForm';
import { AppHeader } from './components/AppHeader';
import { browserStorage, useApiKey } from './hooks/useApiKey';
import { useConnectionStatus } from './hooks/useConnectionStatus';
import { WalletPage } from './routes/wallet/WalletPage';
import { createApiKeyStore, type ApiKeyStore } from './utils/api-key-storage';
import { webSocketUrl } from './utils/web-socket-url';
import './styles.css';

const apiKeyStore = createApiKeyStore(browserStorage());
const liveSocket = createLiveSocket({ url: webSocketUrl(window.location.href), apiKey: apiKeyStore.get() });
const client = createApolloClient({ getApiKey: apiKeyStore.get, subscriptionLink: liveSocket.link });
// Subscribed before React is, so the old key's socket is closed and the cache emptied before the
// page renders for the new key: nothing one key fetched is ever shown under another, and signing
// out leaves no socket open.
apiKeyStore.subscribe(() => {
  liveSocket.setApiKey(apiKeyStore.get());
  void client.clearStore();
});

/** The dashboard: the key form until a key is given, then the wallet page (remounted per key). */
function App({ store, socket }: { store: ApiKeyStore; socket: LiveSocket }) {
  const { apiKey, setApiKey, persisted } = useApiKey(store);
  const connectionStatus = useConnectionStatus(socket);
  const forgetKey = () => setApiKey(null);
  return (
    <>
      <AppHeader apiKey={apiKey} onForgetKey={forgetKey} connectionStatus={connectionStatus} />
      <main className="page">
        {!persisted && (
          <p className="notice">This browser refused to store the key: it will be forgotten when this page is closed.</p>
        )}
        {apiKey === null ? <ApiKeyForm onSubmit={setApiKey} /> : <WalletPage key={apiKey} onForgetKey={forgetKey} />}
      </main>
    </>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App store={apiKeyStore} socket={liveSocket} />
    </ApolloProvider>
  </StrictMode>,
);
